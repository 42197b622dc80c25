export default async function teardown() {
  await globalThis.__SOT_EMBEDDED_POSTGRES__?.stop();
}
