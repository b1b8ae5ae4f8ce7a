package io.emostream.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.emostream.avro.CallContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRuleSetTest {

  private final AlertRuleSet rules = AlertRuleSet.from(Map.of(
      "alerts.consecutive-negative", "4",
      "alerts.cooldown", "60s",
      "alerts.tenant.acme.consecutive-negative", "5",
      "alerts.tenant.acme.ewma-open-threshold", "0.7",
      "alerts.queue.vip.support.consecutive-negative", "2",
      "inference.max-batch", "8"));

  @Test
  void shouldUseTheDefaultsWhereNoOverrideApplies() {
    AlertRules r = rules.forContext(new CallContext("other", "a", "billing"));
    assertThat(r.consecutiveNegative()).isEqualTo(4);
    assertThat(r.cooldown()).isEqualTo(Duration.ofSeconds(60));
    assertThat(r.ewmaOpenThreshold()).isEqualTo(0.6);
    assertThat(rules.forContext(null)).isEqualTo(rules.defaults());
  }

  @Test
  void shouldLetATenantOverrideTheDefaultKeyByKey() {
    AlertRules r = rules.forContext(new CallContext("acme", "a", "billing"));
    assertThat(r.consecutiveNegative()).isEqualTo(5);
    assertThat(r.ewmaOpenThreshold()).isEqualTo(0.7);
    assertThat(r.cooldown()).as("not overridden").isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void shouldLetAQueueBeatItsTenantAndAllowDotsInItsName() {
    AlertRules r = rules.forContext(new CallContext("acme", "a", "vip.support"));
    assertThat(r.consecutiveNegative()).isEqualTo(2);
    assertThat(r.ewmaOpenThreshold()).as("from the tenant").isEqualTo(0.7);
  }

  @Test
  void shouldNotAllowAnOverrideThatNamesNoRule() {
    assertThatThrownBy(() -> AlertRuleSet.from(Map.of("alerts.queue.vip.consecutive", "2")))
        .hasMessageContaining("alerts.queue.vip.consecutive").hasMessageContaining("consecutive-negative");
  }

  @Test
  void shouldNotAllowAResolveThresholdAtOrAboveTheOpenThreshold() {
    assertThatThrownBy(() -> AlertRuleSet.from(Map.of("alerts.tenant.acme.ewma-resolve-threshold", "0.6")))
        .hasMessageContaining("alerts.tenant.acme.").hasMessageContaining("ewma-resolve-threshold")
        .hasMessageContaining("flapping");
  }
}
