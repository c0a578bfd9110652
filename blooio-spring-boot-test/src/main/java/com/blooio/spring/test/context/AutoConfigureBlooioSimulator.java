package com.blooio.spring.test.context;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;

import com.blooio.spring.autoconfigure.BlooioConnectionDetails;
import com.blooio.spring.test.simulator.BlooioSimulator;
import com.blooio.spring.test.webhook.BlooioWebhookSigner;

/**
 * Points the application's Blooio client at a {@link BlooioSimulator} in a Spring test:
 * the simulator becomes a bean, started with the context and closed with it, and a
 * {@link BlooioConnectionDetails} bean gives the client the simulator's base URLs and
 * key, with no {@code blooio.*} property needed. <pre class="code">
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
 * Webhooks: the application's webhook endpoint is on (unless the test or the application
 * sets {@code blooio.webhook.enabled=false}) and verifies with
 * {@code blooio.webhook.secret} when set, with a generated secret otherwise (the
 * {@link BlooioConnectionDetails} bean's). When the application runs a web server
 * ({@code @SpringBootTest(webEnvironment = RANDOM_PORT)} or {@code DEFINED_PORT}), the
 * endpoint is subscribed to the simulator with that secret, so that what the simulator
 * sends reaches the application's listeners. The subscription survives
 * {@link BlooioSimulator#reset()} (see
 * {@link BlooioSimulator#keepAcrossResets(Runnable)}). With a mock web environment, as in
 * slices, there is no server to deliver to: set {@code blooio.webhook.secret} and post
 * payloads signed with it by {@link BlooioWebhookSigner} through {@code MockMvc} or
 * {@code WebTestClient} instead.
 * <p>
 * The same {@link BlooioSimulatorConfiguration} runs an application on the simulator at
 * development time.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
@Import(BlooioSimulatorConfiguration.class)
public @interface AutoConfigureBlooioSimulator {

}
