// Keep test output readable: the app's own request logs are off in tests (createTestApp passes logger: false).
process.env.TZ = 'UTC';
