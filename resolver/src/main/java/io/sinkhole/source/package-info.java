/**
 * Where indicators come from and how a new snapshot is made: reading every configured feed,
 * reporting bad lines with their numbers, and building an {@link io.sinkhole.ioc.IocSet}.
 */
package io.sinkhole.source;
