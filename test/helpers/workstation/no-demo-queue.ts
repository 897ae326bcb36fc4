/** Stands in for src/server/embed in the bundled child workstation, which never runs the demo. */
export async function startDemoQueueServer(): Promise<never> {
  throw new Error('the demo queue is not available in the test workstation process');
}
