import { GraphQLError, type ExecutionResult } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { mayReadFullIdNumbers } from '../accounts/roles.ts';
import { maskIdNumbersIn, maskIdNumbersInText } from '../model/idMasking.ts';
import type { ApiContext } from './context.ts';

/**
 * Every GraphQL response passes through here on its way out: unless the reader may see full ID
 * numbers (an investigator with a 查询事由), every ID number in it — typed fields, analyses' JSON
 * evidence, echoed parameters, error messages — is masked (model/idMasking.ts). Resolvers return
 * what the graph holds; none of them decides about masking, so none can forget to.
 */

export function fullIdNumbersAllowed(context: Pick<ApiContext, 'session' | 'reason'>): boolean {
  return mayReadFullIdNumbers(context.session?.user.role, context.reason);
}

function maskedResult(result: ExecutionResult): ExecutionResult {
  return {
    ...result,
    data: maskIdNumbersIn(result.data),
    errors: result.errors?.map(
      (e) => new GraphQLError(maskIdNumbersInText(e.message), { nodes: e.nodes, path: e.path, extensions: maskIdNumbersIn({ ...e.extensions }), originalError: e.originalError }),
    ),
    extensions: maskIdNumbersIn(result.extensions),
  };
}

/** Whether a response carried full ID numbers (recorded in the audit entry). */
function showsFullIdNumbers(result: ExecutionResult): boolean {
  return JSON.stringify(maskIdNumbersIn(result.data)) !== JSON.stringify(result.data);
}

export function outputMaskingPlugin(): Plugin<ApiContext> {
  return {
    onExecute({ args }) {
      const context = args.contextValue as ApiContext;
      return {
        onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result) return; // no subscriptions or streams in this API
          if (fullIdNumbersAllowed(context)) {
            if (showsFullIdNumbers(result)) context.auditNote.fullIdNumbersShown = true;
            return;
          }
          setResult(maskedResult(result));
        },
      };
    },
  };
}
