package io.emostream.alerts;

import io.emostream.avro.CallContext;
import io.emostream.common.FeatureApi;
import io.emostream.config.AlertKeys;
import io.emostream.config.EmostreamSettings;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default alert rules and their per-tenant and per-queue overrides.
 *
 * <p>Keys: {@code alerts.<rule>} for the default, {@code alerts.tenant.<tenant>.<rule>} and
 * {@code alerts.queue.<queue>.<rule>} for overrides (tenant and queue names may contain dots).
 * Overrides merge key by key: a queue's value beats its tenant's, which beats the default.
 * Every combination is validated at start so a bad override fails the app, not a call.
 */
@FeatureApi
public final class AlertRuleSet {

  private static final String TENANT = AlertKeys.TENANT_PREFIX;
  private static final String QUEUE = AlertKeys.QUEUE_PREFIX;

  private final Map<String, Object> defaults = new HashMap<>();
  private final Map<String, Map<String, Object>> byTenant = new HashMap<>();
  private final Map<String, Map<String, Object>> byQueue = new HashMap<>();
  private final Map<String, AlertRules> resolved = new ConcurrentHashMap<>();
  private final AlertRules defaultRules;

  private AlertRuleSet(Map<String, ?> settings) {
    for (Map.Entry<String, ?> e : settings.entrySet()) {
      String key = e.getKey();
      if (key.startsWith(TENANT)) {
        override(byTenant, key, TENANT, e.getValue());
      } else if (key.startsWith(QUEUE)) {
        override(byQueue, key, QUEUE, e.getValue());
      } else if (key.startsWith(AlertRules.PREFIX)
          && AlertRules.KEYS.contains(key.substring(AlertRules.PREFIX.length()))) {
        defaults.put(key.substring(AlertRules.PREFIX.length()), e.getValue());
      }
    }
    defaultRules = merge(null, null);
    byTenant.keySet().forEach(tenant -> merge(tenant, null));
    byQueue.keySet().forEach(queue -> merge(null, queue));
    byTenant.keySet().forEach(tenant -> byQueue.keySet().forEach(queue -> merge(tenant, queue)));
  }

  /** Parses the {@code alerts.*} settings of {@code settings}; other keys are ignored. */
  public static AlertRuleSet from(Map<String, ?> settings) {
    return from(EmostreamSettings.of(Objects.requireNonNull(settings, "settings")));
  }

  /** The view over {@code settings}: its default rules and its tenant and queue overrides. */
  public static AlertRuleSet from(EmostreamSettings settings) {
    return new AlertRuleSet(settings.originals());
  }

  /** The rules without overrides. */
  public AlertRules defaults() {
    return defaultRules;
  }

  /** The rules for a call with {@code context} (null or empty context: the defaults). */
  public AlertRules forContext(CallContext context) {
    if (context == null) {
      return defaultRules;
    }
    String tenant = byTenant.containsKey(context.getTenant()) ? context.getTenant() : null;
    String queue = byQueue.containsKey(context.getQueue()) ? context.getQueue() : null;
    return merge(tenant, queue);
  }

  private AlertRules merge(String tenant, String queue) {
    if (tenant == null && queue == null && defaultRules != null) {
      return defaultRules;
    }
    return resolved.computeIfAbsent(tenant + "\u0000" + queue, k -> {
      Map<String, Object> merged = new HashMap<>();
      defaults.forEach((rule, value) -> merged.put(AlertRules.PREFIX + rule, value));
      String origin = "alerts.";
      if (tenant != null) {
        byTenant.get(tenant).forEach((rule, value) -> merged.put(AlertRules.PREFIX + rule, value));
        origin = TENANT + tenant + ".";
      }
      if (queue != null) {
        byQueue.get(queue).forEach((rule, value) -> merged.put(AlertRules.PREFIX + rule, value));
        origin = QUEUE + queue + ".";
      }
      try {
        return AlertRules.from(EmostreamSettings.of(merged));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Alert rules for " + origin + "* are invalid: " + e.getMessage(), e);
      }
    });
  }

  private static void override(Map<String, Map<String, Object>> target, String key, String prefix,
      Object value) {
    String rest = key.substring(prefix.length());
    for (String rule : AlertRules.KEYS) {
      if (rest.endsWith("." + rule) && rest.length() > rule.length() + 1) {
        String name = rest.substring(0, rest.length() - rule.length() - 1);
        target.computeIfAbsent(name, n -> new HashMap<>()).put(rule, value);
        return;
      }
    }
    throw new IllegalArgumentException("Setting " + key + " names no alert rule; use "
        + prefix + "<name>.<rule> with <rule> one of " + AlertRules.KEYS);
  }
}
