package com.blooio.spring.autoconfigure.webhook;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import com.blooio.spring.autoconfigure.BlooioProperties;
import com.blooio.spring.webhook.catchup.CatchUpCheckpointStore;
import com.blooio.spring.webhook.catchup.RedisCatchUpCheckpointStore;
import com.blooio.spring.webhook.deduplication.RedisWebhookDeduplicationStore;
import com.blooio.spring.webhook.deduplication.WebhookDeduplicationStore;

/**
 * The Redis de-duplication store, when {@code blooio.webhook.deduplication.store=redis}
 * and no {@link WebhookDeduplicationStore} bean is declared: on the application's
 * {@link RedisConnectionFactory} (Spring Boot's Redis auto-configuration makes one from
 * {@code spring.data.redis.*}). Without one, or without Spring Data Redis, start-up fails
 * with a {@link NoRedisConnectionFactoryException} that says what to add: quietly falling
 * back to memory would publish events once per instance.
 * <p>
 * The catch-up checkpoint goes to Redis too, unless a {@link CatchUpCheckpointStore} bean
 * is declared: under the same key prefix, so that it is shared by exactly the instances
 * that share de-duplication keys. It does so also when the application declares its own
 * de-duplication store, as long as it has a {@link RedisConnectionFactory}: choosing
 * {@code redis} says that instances share state there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "blooio.webhook.deduplication.store", havingValue = "redis")
class RedisStoreConfiguration {

	private static final Log logger = LogFactory.getLog(RedisStoreConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnMissingBean(WebhookDeduplicationStore.class)
	static class SpringDataRedisConfiguration {

		@Bean
		RedisWebhookDeduplicationStore blooioWebhookDeduplicationStore(BlooioProperties properties,
				ObjectProvider<RedisConnectionFactory> connectionFactory) {
			RedisConnectionFactory redis = connectionFactory.getIfAvailable();
			if (redis == null) {
				throw new NoRedisConnectionFactoryException(true);
			}
			BlooioProperties.Deduplication deduplication = properties.getWebhook().getDeduplication();
			String keyPrefix = deduplication.getRedis().getKeyPrefix();
			logger.info("Blooio webhook de-duplication: in Redis, shared by every instance that uses it (keys "
					+ keyPrefix + "*, retention " + deduplication.getRetention() + ", lease " + deduplication.getLease()
					+ ")");
			return new RedisWebhookDeduplicationStore(redis, keyPrefix, deduplication.getRetention());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("org.springframework.data.redis.connection.RedisConnectionFactory")
	@ConditionalOnMissingBean(WebhookDeduplicationStore.class)
	static class NoSpringDataRedisConfiguration {

		@Bean
		WebhookDeduplicationStore blooioWebhookDeduplicationStore() {
			throw new NoRedisConnectionFactoryException(false);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RedisConnectionFactory.class)
	@ConditionalOnMissingBean(CatchUpCheckpointStore.class)
	static class CheckpointStoreConfiguration {

		@Bean
		@ConditionalOnSingleCandidate(RedisConnectionFactory.class)
		RedisCatchUpCheckpointStore blooioCatchUpCheckpointStore(BlooioProperties properties,
				RedisConnectionFactory connectionFactory) {
			String keyPrefix = properties.getWebhook().getDeduplication().getRedis().getKeyPrefix();
			RedisCatchUpCheckpointStore store = new RedisCatchUpCheckpointStore(connectionFactory, keyPrefix);
			logger.info("Blooio catch-up checkpoint: in Redis, shared by every instance that uses it (key "
					+ store.getKey() + ")");
			return store;
		}

	}

}
