package io.emostream.privacy;

/** The Luhn (mod 10) check that payment card numbers pass. */
final class Luhn {
  private Luhn() {}

  /** Whether the decimal digits {@code digits} pass the check. */
  static boolean isValid(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return !digits.isEmpty() && sum % 10 == 0;
  }
}
