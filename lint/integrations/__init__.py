"""scrapelint inside the pipelines that produce scraped data, as optional extras.

- `scrapelint.integrations.datatrove.ScrapelintFilter`: a datatrove pipeline
  step (`pip install 'scrapelint[datatrove]'`);
- `scrapelint.integrations.scrapy.ScrapelintPipeline`: a Scrapy item pipeline
  (`pip install 'scrapelint[scrapy]'`).

Each imports its framework; nothing in the core imports this package (an
import-linter contract in pyproject.toml checks it).
"""
