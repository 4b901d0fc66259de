"""Analyses of a document that several rules share, each computed once per
document: what the body's blocks are (article text or page furniture), the
language's stop words."""
