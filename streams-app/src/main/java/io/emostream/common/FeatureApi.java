package io.emostream.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class of a feature package (assembly, scoring, rollups, alerts, summaries, timeline,
 * serving) that code outside the feature may use: its wiring (the {@code *Topology} class with its
 * node and store names), its settings, and the values it stores for the serving layer to read.
 * Everything else in a feature, its processors first, is the feature's own business; the
 * architecture tests fail when another package reaches for it. Nested classes of a marked class
 * belong to its API as well.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FeatureApi {}
