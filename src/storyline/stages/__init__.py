"""The analysis stages: each turns an Article and its spaCy Doc into plain records."""
