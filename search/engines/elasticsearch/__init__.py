"""Elasticsearch: `index` is the OpenSearch index with Elasticsearch's client errors; reading goes through
`search.engines.opensearch.query`, which speaks the query language both share."""
