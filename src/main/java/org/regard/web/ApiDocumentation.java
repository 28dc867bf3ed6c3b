package org.regard.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document of the HTTP API, served at {@code /v3/api-docs}: who may call (a personal API
 * token or HTTP Basic).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
    static final String API_TOKEN = "apiToken";
    static final String BASIC = "basicAuth";

    @Bean
    OpenAPI regardOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Regard API")
                        .version("v1")
                        .description("""
                                The help desk's tickets and customers over HTTP and JSON. Every call acts as one agent, \
                                with that agent's permissions: agents reach the tickets of their teams, admins every ticket.

                                Authenticate with a personal API token (create one on your profile page) as \
                                `Authorization: Bearer rgd_...`, or with HTTP Basic and your email and password.

                                Lists are paged by cursor: pass a page's `nextCursor` as `cursor` to get the next one. \
                                Writes that may be retried take an `Idempotency-Key` header; edits take `If-Match` with \
                                the `ETag` you read. Errors are RFC 9457 problem details (`application/problem+json`); \
                                problems with the input name each field in `errors`.""")
                        .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes(API_TOKEN, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("rgd_...")
                                .description("A personal API token, created on the agent's profile page and shown once. "
                                        + "It acts with its agent's permissions and stops working when revoked."))
                        .addSecuritySchemes(BASIC, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("basic")
                                .description("The agent's email address and password. Repeated failures lock the address for a while.")))
                .addSecurityItem(new SecurityRequirement().addList(API_TOKEN))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
