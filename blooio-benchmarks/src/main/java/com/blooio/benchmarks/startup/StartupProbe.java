package com.blooio.benchmarks.startup;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.boot.context.metrics.buffering.StartupTimeline;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.metrics.StartupStep;
import org.springframework.util.StreamUtils;

import com.blooio.benchmarks.support.Args;
import com.blooio.benchmarks.support.Report;
import com.blooio.benchmarks.support.WebhookDeliveries;

/**
 * Starts {@link StartupApp} once in this fresh JVM, with ({@code --variant=with}) or
 * without ({@code without}) every Blooio auto-configuration (excluded through
 * {@code spring.autoconfigure.exclude}, read from the auto-configuration imports files so
 * that new ones are excluded too), or without them but with a hand-written WebClient
 * ({@code webclient}), and reports how long the context refresh and the whole
 * {@code SpringApplication.run} took, and the CPU time the main thread spent in the
 * refresh. With {@code --trace} it also prints the slowest bean instantiations
 * ({@code --trace-limit}, default 25, of them), each with the bean whose instantiation
 * needed it; the times of nested beans are included in their parents'.
 */
public final class StartupProbe {

	private static final String IMPORTS = "classpath*:META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports";

	private StartupProbe() {
	}

	public static void main(String[] arguments) throws IOException {
		Args args = Args.parse(arguments);
		String variant = args.require("variant");
		boolean withStarter = variant.equals("with");
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", "0");
		properties.put("server.address", "127.0.0.1");
		properties.put("blooio.api-key", "bench-api-key");
		properties.put("blooio.webhook.secret", WebhookDeliveries.SECRET);
		properties.put("spring.main.banner-mode", "off");
		properties.put("logging.level.root", "warn");
		List<String> blooioAutoConfigurations = blooioAutoConfigurations();
		if (!withStarter) {
			properties.put("spring.autoconfigure.exclude", String.join(",", blooioAutoConfigurations));
		}
		if (variant.equals("webclient")) {
			properties.put("bench.hand-written-client", "true");
		}
		long[] marks = new long[2];
		// CPU time of the main thread, which creates every bean: less disturbed than wall
		// time by other processes on a busy machine
		long[] cpuMarks = new long[2];
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long start = System.nanoTime();
		SpringApplication application = new SpringApplication(StartupApp.class);
		application.setWebApplicationType(WebApplicationType.REACTIVE);
		application.setDefaultProperties(properties);
		application.addListeners((ApplicationListener<ApplicationPreparedEvent>) (event) -> {
			marks[0] = System.nanoTime();
			cpuMarks[0] = threads.getCurrentThreadCpuTime();
		});
		application.addListeners((ApplicationListener<ContextRefreshedEvent>) (event) -> {
			marks[1] = System.nanoTime();
			cpuMarks[1] = threads.getCurrentThreadCpuTime();
		});
		BufferingApplicationStartup trace = args.flag("trace") ? new BufferingApplicationStartup(100_000) : null;
		if (trace != null) {
			application.setApplicationStartup(trace);
		}
		ConfigurableApplicationContext context = application.run();
		long end = System.nanoTime();
		long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
		long blooioBeans = Arrays.stream(context.getBeanDefinitionNames())
			.filter((name) -> name.toLowerCase(Locale.ROOT).contains("blooio"))
			.count();
		Report.result("part", "startup", "variant", variant, "refreshMs", Report.decimal((marks[1] - marks[0]) / 1e6),
				"refreshCpuMs", Report.decimal((cpuMarks[1] - cpuMarks[0]) / 1e6), "runMs",
				Report.decimal((end - start) / 1e6), "uptimeMs", uptime, "beans", context.getBeanDefinitionCount(),
				"blooioAutoConfigurations", blooioAutoConfigurations.size(), "blooioBeans", blooioBeans);
		if (trace != null) {
			printSlowestBeans(trace, args.getInt("trace-limit", 25));
		}
		context.close();
		System.exit(0);
	}

	/**
	 * Prints the slowest bean instantiations (each including the beans it needed), for
	 * finding what a variant adds; {@code --trace} only, as the tracing costs time
	 * itself.
	 */
	private static void printSlowestBeans(BufferingApplicationStartup trace, int limit) {
		List<StartupTimeline.TimelineEvent> instantiations = trace.getBufferedTimeline()
			.getEvents()
			.stream()
			.filter((event) -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
			.toList();
		Map<Long, String> beanNames = new HashMap<>();
		instantiations.forEach((event) -> beanNames.put(event.getStartupStep().getId(), beanName(event)));
		instantiations.stream()
			.sorted(Comparator.comparing(StartupTimeline.TimelineEvent::getDuration).reversed())
			.limit(limit)
			.forEach((event) -> {
				Long parent = event.getStartupStep().getParentId();
				String neededBy = (parent != null && beanNames.containsKey(parent))
						? "  (in " + beanNames.get(parent) + ")" : "";
				System.out.printf(Locale.ROOT, "%8.1f ms  %s%s%n", event.getDuration().toNanos() / 1e6, beanName(event),
						neededBy);
			});
	}

	private static String beanName(StartupTimeline.TimelineEvent event) {
		for (StartupStep.Tag tag : event.getStartupStep().getTags()) {
			if (tag.getKey().equals("beanName")) {
				return tag.getValue();
			}
		}
		return "?";
	}

	private static List<String> blooioAutoConfigurations() throws IOException {
		List<String> names = new ArrayList<>();
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources(IMPORTS)) {
			String content = StreamUtils.copyToString(resource.getInputStream(), StandardCharsets.UTF_8);
			for (String line : content.split("\\R")) {
				String name = line.trim();
				if (name.startsWith("com.blooio.") && !name.startsWith("#")) {
					names.add(name);
				}
			}
		}
		if (names.isEmpty()) {
			throw new IllegalStateException("No Blooio auto-configuration found on the class path");
		}
		Collections.sort(names);
		return names;
	}

}
