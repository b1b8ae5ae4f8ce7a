/**
 * What every feature of the topology shares and none owns: the four emotion labels of the output
 * contracts and how a model's classes map onto them ({@link io.emostream.common.LabelMapping},
 * {@link io.emostream.common.LabelTally}), and the serde of the features' internal state
 * ({@link io.emostream.common.JsonSerde}).
 *
 * <p>Configuration reading ({@code io.emostream.config}), dead letters ({@code io.emostream.deadletters})
 * and typed topics ({@code io.emostream.topics}) are shared in the same way. Shared packages import
 * no feature package, so a feature may use them without creating a package cycle.
 */
package io.emostream.common;
