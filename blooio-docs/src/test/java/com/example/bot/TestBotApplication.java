package com.example.bot;

import org.springframework.boot.SpringApplication;

import com.blooio.spring.test.context.BlooioSimulatorConfiguration;

// In src/test/java: runs the application on the Blooio simulator, with no account
public class TestBotApplication {

	public static void main(String[] args) {
		SpringApplication.from(BotApplication::main).with(BlooioSimulatorConfiguration.class).run(args);
	}

}
