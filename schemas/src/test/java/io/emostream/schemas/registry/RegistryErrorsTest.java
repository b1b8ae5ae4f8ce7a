package io.emostream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistryErrorsTest {

  @Test
  void shouldMapVersionNotFoundCode() {
    SchemaRegistryException e = RegistryErrors.map(404,
        "{\"error_code\": 40402, \"message\": \"Version 3 not found.\"}",
        "fetching version 3 of subject 's'", "http://r:8081", RegistryErrors.NotFound.SUBJECT);

    assertThat(e).isInstanceOf(VersionNotFoundException.class)
        .hasMessageContaining("subject 's'").hasMessageContaining("Version 3 not found.")
        .hasMessageContaining("http://r:8081");
  }

  @Test
  void shouldMapUnprocessableSchemaToInvalidSchema() {
    SchemaRegistryException e = RegistryErrors.map(422,
        "{\"error_code\": 42201, \"message\": \"Invalid schema\"}", "registering X",
        "http://r:8081", RegistryErrors.NotFound.SUBJECT);

    assertThat(e).isInstanceOf(InvalidSchemaException.class);
    assertThat(e.errorCode()).isEqualTo(42201);
  }

  @Test
  void shouldKeepUnknownClientErrorsAsBaseTypeWithRawBody() {
    SchemaRegistryException e = RegistryErrors.map(400, "bad request from proxy",
        "registering X", "http://r:8081", RegistryErrors.NotFound.SUBJECT);

    assertThat(e).isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("HTTP 400").hasMessageContaining("bad request from proxy");
  }
}
