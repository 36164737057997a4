// One User per lower-cased name (accounts/): `Admin` and `admin` are one account, so a second one
// differing only in case cannot be created, and creating a user MERGEs on this key.
CREATE CONSTRAINT user_name_key IF NOT EXISTS FOR (u:User) REQUIRE u.nameKey IS UNIQUE
