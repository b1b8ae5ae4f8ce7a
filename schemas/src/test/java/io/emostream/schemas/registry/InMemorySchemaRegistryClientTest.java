package io.emostream.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.AudioChunk;
import io.emostream.avro.CallEvent;
import io.emostream.schemas.Schemas;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {
  private static final Schema AUDIO = Schemas.schemaOf(AudioChunk.class);
  private static final Schema EVENT = Schemas.schemaOf(CallEvent.class);

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  @Test
  void shouldAssignIdsFromOneAndReuseThemForTheSameSchema() {
    assertThat(registry.register("a-value", AUDIO)).isEqualTo(1);
    assertThat(registry.register("b-value", EVENT)).isEqualTo(2);
    assertThat(registry.register("c-value", AUDIO)).isEqualTo(1);
    assertThat(registry.register("a-value", AUDIO)).isEqualTo(1);

    assertThat(registry.versions("a-value")).hasSize(1);
    assertThat(registry.getSchemaById(2)).isEqualTo(EVENT);
  }

  @Test
  void shouldRejectBackwardIncompatibleRegistration() {
    registry.register("a-value", EVENT);

    assertThatThrownBy(() -> registry.register("a-value", AUDIO))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("'a-value'").hasMessageContaining("version 1")
        .satisfies(e -> assertThat(((SchemaRegistryException) e).httpStatus()).isEqualTo(409));
  }

  @Test
  void shouldAllowAnythingUnderNoneCompatibility() {
    registry.setCompatibility("a-value", InMemorySchemaRegistryClient.Compatibility.NONE);
    registry.register("a-value", EVENT);

    assertThat(registry.register("a-value", AUDIO)).isEqualTo(2);
    assertThat(registry.getLatestSchemaMetadata("a-value").version()).isEqualTo(2);
  }

  @Test
  void shouldThrowTheRegistrysNotFoundTypes() {
    registry.register("a-value", AUDIO);

    assertThatThrownBy(() -> registry.getSchemaById(99))
        .isInstanceOf(SchemaNotFoundException.class);
    assertThatThrownBy(() -> registry.getLatestSchemaMetadata("nope"))
        .isInstanceOf(SubjectNotFoundException.class);
    assertThatThrownBy(() -> registry.getId("a-value", EVENT))
        .isInstanceOf(SchemaNotFoundException.class);
    assertThat(registry.testCompatibility("a-value", EVENT)).isFalse();
    assertThat(registry.testCompatibility("nope", EVENT)).isTrue();
  }
}
