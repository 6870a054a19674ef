"""Factories: real pages and rows created the way editors and visitors create them."""
