package dev.outlookflow.outlook.mail.newmail;

import java.util.List;
import java.util.Objects;

/**
 * An address filter's values: each an address, met by that address only, or {@code @domain}, met by the addresses
 * of that domain and of its subdomains ({@code @contoso.com}: {@code a@contoso.com} and {@code b@eu.contoso.com},
 * not {@code c@notcontoso.com}); in any case.
 */
final class AddressPatterns {
  private final List<String> addresses;
  private final List<String> domains;

  private AddressPatterns(List<String> addresses, List<String> domains) {
    this.addresses = addresses;
    this.domains = domains;
  }

  static AddressPatterns of(List<String> values) {
    List<String> folded = values.stream().filter(Objects::nonNull).map(CaseFold::of).toList();
    return new AddressPatterns(folded.stream().filter(value -> !value.startsWith("@")).toList(),
        folded.stream().filter(value -> value.startsWith("@")).map(value -> value.substring(1)).toList());
  }

  /** Whether one of {@code candidates} (addresses; nulls meet nothing) meets one of the values. */
  boolean matchAny(List<String> candidates) {
    return candidates.stream().filter(Objects::nonNull).map(CaseFold::of).anyMatch(this::matches);
  }

  private boolean matches(String address) {
    if (addresses.contains(address)) {
      return true;
    }
    int at = address.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String domain = address.substring(at + 1);
    return domains.stream().anyMatch(wanted -> domain.equals(wanted) || domain.endsWith("." + wanted));
  }
}
