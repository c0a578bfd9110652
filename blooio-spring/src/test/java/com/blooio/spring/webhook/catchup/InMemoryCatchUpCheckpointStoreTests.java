package com.blooio.spring.webhook.catchup;

/**
 * Tests for {@link InMemoryCatchUpCheckpointStore}.
 */
class InMemoryCatchUpCheckpointStoreTests extends CatchUpCheckpointStoreContractTests {

	@Override
	CatchUpCheckpointStore createStore() {
		return new InMemoryCatchUpCheckpointStore();
	}

}
