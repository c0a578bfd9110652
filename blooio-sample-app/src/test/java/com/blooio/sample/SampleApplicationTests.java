package com.blooio.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import com.blooio.spring.client.BlooioOperations;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(properties = "blooio.api-key=bl_test_sample")
class SampleApplicationTests {

	@Autowired
	private ApplicationContext context;

	@Test
	void startsWithABlooioClientWhenAnApiKeyIsSet() {
		assertThat(this.context.getBeansOfType(BlooioOperations.class)).hasSize(1);
	}

}
