/**
 * Feed parsers: turn threat-intelligence and popular-domain lists into {@link
 * io.sinkhole.ioc.Indicator}s, with problems and skip counts for what could not be used.
 *
 * <p>The server calls {@link io.sinkhole.feed.FeedReader#read}, or {@link
 * io.sinkhole.feed.FeedFormat#parser()} on a stream; {@link io.sinkhole.feed.DomainNames} is the
 * one name normaliser the rest of the server shares with the feeds. Everything else here is
 * package-private. Parsers never open sockets and never throw on bad content, only on unreadable
 * streams or JSON that is not JSON.
 */
package io.sinkhole.feed;
