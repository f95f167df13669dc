package io.sinkhole.ioc;

import java.util.List;

/**
 * A listed name found in a query name (or in a CNAME target of an answer).
 *
 * @param indicator the listed name, presentation form
 * @param depth how many labels the matched name has below the listed one (0 = exact)
 * @param labelIndex index of the query label where the listed name starts
 * @param claims every live claim that covers this match, strongest policy decided elsewhere
 */
public record DomainMatch(String indicator, int depth, int labelIndex, List<Provenance> claims) {}
