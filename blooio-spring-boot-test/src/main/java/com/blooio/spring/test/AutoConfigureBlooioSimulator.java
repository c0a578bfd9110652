package com.blooio.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Points the application's Blooio client at a {@link BlooioSimulator} in a Spring test
 * ({@code @SpringBootTest} and other TestContext framework tests): the simulator becomes
 * a bean, started with the context and closed with it, and {@code blooio.api-key} and
 * {@code blooio.base-url} are set from it. <pre class="code">
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
 * The real key only exists once the simulator bean is created, after auto-configuration
 * conditions were evaluated; a placeholder {@code blooio.api-key} therefore lets the
 * client auto-configuration match, and the simulator's key replaces it before any bean
 * binds the properties.
 *
 * @see BlooioSimulatorConfiguration
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Import(BlooioSimulatorConfiguration.class)
@TestPropertySource(properties = BlooioSimulatorConfiguration.API_KEY_PROPERTY + "="
		+ BlooioSimulatorConfiguration.PLACEHOLDER_API_KEY)
public @interface AutoConfigureBlooioSimulator {

}
