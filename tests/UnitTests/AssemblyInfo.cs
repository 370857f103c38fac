// Each test gets a fresh fixture, so mocks and counters never leak from one test into the next.
[assembly: FixtureLifeCycle(LifeCycle.InstancePerTestCase)]
