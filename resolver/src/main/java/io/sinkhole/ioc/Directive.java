package io.sinkhole.ioc;

/** An answer the feed itself asks for (RPZ, adblock exceptions); most feeds leave it DEFAULT. */
public enum Directive {
  /** Apply the feed's configured action and answer style. */
  DEFAULT,
  /** Answer NXDOMAIN (RPZ {@code CNAME .}). */
  NXDOMAIN,
  /** Answer NOERROR with no records (RPZ {@code CNAME *.}). */
  NODATA,
  /** Never block this name (RPZ {@code rpz-passthru.}, adblock {@code @@||name^}). */
  ALLOW,
  /** Answer with the records in {@link Indicator#localData()} (RPZ local-data). */
  LOCAL_DATA
}
