import { createTestApp, type TestApp } from '../support/test-app';

interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: Schema | boolean;
}
interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/**
 * Field names that carry what staff wrote about a resident in their own words: notes, a case's
 * subject and outcome, reasons, a referral's recipient named in words. A code from a fixed list
 * (an enum) is not free text.
 */
const FREE_TEXT_NAME = /(note|notes|subject|outcome|reason|comment|comments|summary|text|recipientName)$/i;

/**
 * Free text that is not about a resident, each with why: what the plan's own figures and the
 * system say. Anything else named like free text in an answer without step-up fails the test.
 */
const NOT_ABOUT_A_RESIDENT: Record<string, string> = {
  'IndicatorPeriodValueResponse.note': 'where an indicator\'s figure for a period came from (a survey), about the plan, not a person',
  'RecordedIndicatorValueResponse.note': 'the same note, as the half-year report recorded it',
  'ReportSummaryResponse.failureReason': 'why the system could not compute a report',
  'ReportResponse.failureReason': 'why the system could not compute a report',
  'ReportFiguresResponse.periodText': 'the half-year a report covers, in Danish words ("1. januar 2026 – 30. juni 2026")',
  'AboutRowResponse.text': 'what the exports print about the report itself (status, threshold, when computed), never about a person',
  'EmployerContactResponse.note': 'a line about an employer in the register ("ring igen i april"), an organisation, not a person; at most 500 characters, and the field says never to write about a resident',
  'CsrAwardResponse.reason': 'why an employer won the plan\'s CSR prize, said in public at the award; about an organisation, at most 500 characters',
  'SignInDetailsResponse.reason': 'the code a sign-in was refused with (invalid_credentials, mfa_locked), about a member of staff',
};

/** A read that needs a recent sign-in (src/access/step-up.ts) says so in its 401 answer. */
function needsStepUp(operation: Operation): boolean {
  return (operation.responses?.['401']?.description ?? '').includes('step_up_required');
}

/** The paths (`Schema.field`) of every free-text field an answer schema can carry, however deep. */
function freeTextFields(document: Document, schema: Schema | undefined, where: string, seen = new Set<string>()): string[] {
  if (!schema) return [];
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    if (seen.has(name)) return [];
    return freeTextFields(document, document.components.schemas[name], name, new Set(seen).add(name));
  }
  const found: string[] = [];
  for (const [field, property] of Object.entries(schema.properties ?? {})) {
    const types = [property.type ?? []].flat();
    const isText = types.includes('string') && !property.enum && !property.format && !property.$ref;
    if (isText && FREE_TEXT_NAME.test(field)) found.push(`${where}.${field}`);
    found.push(...freeTextFields(document, property, `${where}.${field}`, seen));
  }
  for (const part of [schema.items, ...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) {
    found.push(...freeTextFields(document, part, where, seen));
  }
  if (typeof schema.additionalProperties === 'object') found.push(...freeTextFields(document, schema.additionalProperties, where, seen));
  return found;
}

describe('free text about a resident in what reads answer', () => {
  let t: TestApp;
  let document: Document;

  beforeAll(async () => {
    t = await createTestApp();
    document = (await t.http().get('/api/docs-json').expect(200)).body as Document;
  });
  afterAll(() => t.close());

  it('is answered only by reads that need a recent sign-in: no list or other read without step-up carries notes, subjects, outcomes or reasons', () => {
    const exposed: string[] = [];
    for (const [path, item] of Object.entries(document.paths)) {
      const operation = item.get;
      if (!operation || needsStepUp(operation)) continue;
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (!/^2\d\d$/.test(status)) continue;
        for (const media of Object.values(response.content ?? {})) {
          for (const field of freeTextFields(document, media.schema, 'answer')) {
            if (!NOT_ABOUT_A_RESIDENT[field]) exposed.push(`GET ${path}: ${field}`);
          }
        }
      }
    }
    expect(exposed).toEqual([]);
  });

  it('recognises a free-text field however the answer nests it (the walk itself)', () => {
    const doc: Document = {
      paths: {},
      components: {
        schemas: {
          Page: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
          Item: {
            type: 'object',
            properties: {
              id: { type: 'string', format: 'uuid' },
              subject: { type: 'string' },
              outcome: { type: 'string', enum: ['completed'] },
              endReason: { type: ['string', 'null'] },
              contacts: { type: 'array', items: { type: 'object', properties: { note: { type: 'string' } } } },
            },
          },
        },
      },
    };
    expect(freeTextFields(doc, { $ref: '#/components/schemas/Page' }, 'answer').sort()).toEqual(['Item.contacts.note', 'Item.endReason', 'Item.subject']);
  });
});
