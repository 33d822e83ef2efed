package dev.breakglass.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The actuator as a load balancer and a scraper meet it: liveness and readiness are open and leave the
 * cipher out (a Vault outage makes codes unavailable, not the application dead); metrics need a sign-in.
 */
// Spring Boot's tests leave metrics export off unless asked; the Prometheus endpoint exists only with it.
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ActuatorOverHttpTest {

    @LocalServerPort
    int port;

    @Autowired
    HealthEndpointGroups groups;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void livenessAndReadiness_areOpen_andDoNotDependOnVault() throws Exception {
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(groups.get("liveness").isMember("cipher")).isFalse();
        assertThat(groups.get("readiness").isMember("cipher")).isFalse();
        assertThat(groups.get("readiness").isMember("db")).isTrue();
        assertThat(groups.getPrimary().isMember("cipher"))
                .as("the overall health still shows Vault")
                .isTrue();
    }

    @Test
    void prometheusMetrics_areNotServedWithoutSigningIn() throws Exception {
        HttpResponse<String> anonymous = get("/actuator/prometheus");

        assertThat(anonymous.statusCode()).isNotEqualTo(200);
        assertThat(anonymous.body()).doesNotContain("breakglass_vault").doesNotContain("jvm_");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
