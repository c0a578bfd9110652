package com.blooio.spring.client.internal;

import java.util.Map;

import reactor.core.publisher.Mono;

import com.blooio.spring.client.FaceTimeOperations;
import com.blooio.spring.model.account.FaceTimeCall;

import org.springframework.util.Assert;

/**
 * {@link FaceTimeOperations} over {@link ApiClient}.
 */
final class TemplateFaceTime implements FaceTimeOperations {

	private final ApiClient api;

	TemplateFaceTime(ApiClient api) {
		this.api = api;
	}

	@Override
	public Mono<FaceTimeCall> call(String handle) {
		Assert.hasText(handle, "handle must not be empty");
		return Mono.defer(() -> this.api.retrieve(ApiRequest.post("callFaceTime", "/facetime/calls")
			.body(this.api.json().write(Map.of("handle", handle.trim())))
			.build(this.api.settings().baseUrl()), FaceTimeCall.class));
	}

}
