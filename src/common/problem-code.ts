/**
 * Every `code` a problem answer can carry. Each module keeps its refusals next to its rules
 * (`<module>-problems.ts`) and adds their codes here itself, so this ground floor knows no feature:
 *
 *   declare module '../common/problem-code' {
 *     interface ProblemCodeRegistry extends Record<keyof typeof EMPLOYERS_PROBLEMS, true> {}
 *   }
 *
 * DomainError's `code` is typed by it, so a refusal with an unregistered code does not compile;
 * src/problem-catalogue.ts joins the modules' wordings for the OpenAPI document and must cover it.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the modules' declaration merging
export interface ProblemCodeRegistry {}

export type ProblemCode = keyof ProblemCodeRegistry & string;
