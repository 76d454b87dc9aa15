// Each end-to-end test file works in its own copy of the run's migrated template database
// (global-setup.ts): background workers started by one file then never pick up work another file
// left behind. Copies are dropped with the template in global teardown; unit specs need none.
// A test environment is the one place that knows the file and may wait before the file is loaded,
// so code that builds a configuration at load time already sees the copy.
const { randomBytes } = require('node:crypto');
const { TestEnvironment } = require('jest-environment-node');
const { Client } = require('pg');

class DatabaseEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
  }

  async setup() {
    await super.setup();
    const template = process.env.TEST_TEMPLATE_DATABASE_URL;
    if (!template || !/[\\/]test[\\/]/.test(this.testPath)) return;
    const url = new URL(template);
    const templateName = decodeURIComponent(url.pathname.slice(1));
    const copy = `${templateName}_f${randomBytes(3).toString('hex')}`;
    url.pathname = '/postgres';
    const client = new Client({ connectionString: url.toString() });
    await client.connect();
    try {
      await client.query(`CREATE DATABASE "${copy}" TEMPLATE "${templateName}" STRATEGY FILE_COPY`);
    } finally {
      await client.end();
    }
    url.pathname = `/${copy}`;
    this.global.process.env.TEST_DATABASE_URL = url.toString();
  }
}

module.exports = DatabaseEnvironment;
