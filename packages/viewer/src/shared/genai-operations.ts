/**
 * The GenAI operation names (`gen_ai.operation.name`) of a model call: a request a provider answers
 * and bills, as opposed to an agent run (`invoke_agent`) or a tool call (`execute_tool`). One list
 * for the server's cost roll-up and the UI's compare view and hop strip. Pure data, no imports.
 * `completion` is an older spelling some instrumentations still send.
 *
 * @example
 * MODEL_CALL_OPERATIONS.has('chat'); // true
 */
export const MODEL_CALL_OPERATIONS: ReadonlySet<string> = new Set(['chat', 'text_completion', 'completion', 'generate_content', 'embeddings']);
