package com.blooio.spring.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.webhook.BlooioWebhookSigner;

/**
 * Points the application's Blooio client at a {@link BlooioSimulator} in a Spring test:
 * the simulator becomes a bean, started with the context and closed with it, and
 * {@code blooio.api-key}, {@code blooio.base-url} and {@code blooio.v4.base-url} are set
 * from it. <pre class="code">
 * &#064;SpringBootTest
 * &#064;AutoConfigureBlooioSimulator
 * class AutoReplyTests {
 *
 *     &#064;Autowired
 *     BlooioSimulator sim;
 *
 * }
 * </pre>
 * <p>
 * Works in {@code @SpringBootTest} and in test slices ({@code @WebFluxTest},
 * {@code @WebMvcTest}, {@code @WebClientTest}, ...): it imports the auto-configuration of
 * the Blooio client and of the {@code WebClient} it is built from, which most slices
 * leave out.
 * <p>
 * Webhooks: when the application runs a web server
 * ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)} or {@code DEFINED_PORT}) and its
 * webhook endpoint is enabled (for example with {@code blooio.webhook.secret} set to any
 * value), the endpoint is subscribed to the simulator, signed with that secret, so that
 * what the simulator sends reaches the application's listeners. The subscription survives
 * {@link BlooioSimulator#reset()} (see
 * {@link BlooioSimulator#keepAcrossResets(Runnable)}). With a mock web environment, as in
 * slices, there is no server to deliver to: post signed payloads with
 * {@link BlooioWebhookSigner} through {@code MockMvc} or {@code WebTestClient} instead.
 * <p>
 * The real key only exists once the simulator bean is created, after auto-configuration
 * conditions were evaluated; a placeholder {@code blooio.api-key} therefore lets the
 * client auto-configuration match, and the simulator's key replaces it before any bean
 * binds the properties.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@Import(BlooioSimulatorConfiguration.class)
@TestPropertySource(properties = BlooioSimulatorConfiguration.API_KEY_PROPERTY + "="
		+ BlooioSimulatorConfiguration.PLACEHOLDER_API_KEY)
public @interface AutoConfigureBlooioSimulator {

}
