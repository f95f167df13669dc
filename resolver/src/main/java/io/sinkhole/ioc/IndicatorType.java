package io.sinkhole.ioc;

/** What an indicator's value is; decides which part of a DNS exchange it is matched against. */
public enum IndicatorType {
  /** A host or domain name, matched against query names and CNAME/DNAME targets. */
  DOMAIN,
  /** A URL; its host contributes a DOMAIN indicator when the feed's policy says so. */
  URL,
  /** An IPv4 or IPv6 address, matched against addresses in upstream answers. */
  IP,
  /** An address with a port (ThreatFox {@code ip:port}); the address part is matched. */
  IP_PORT,
  /** An address range in CIDR notation, matched against addresses in upstream answers. */
  CIDR,
  /** A file hash: counted and skipped, DNS has nothing to match it against. */
  HASH
}
