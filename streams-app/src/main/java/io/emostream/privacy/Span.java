package io.emostream.privacy;

/**
 * A stretch of a transcript to replace.
 *
 * @param start       first character
 * @param end         after the last character
 * @param replacement what the stretch becomes
 */
record Span(int start, int end, String replacement) {}
