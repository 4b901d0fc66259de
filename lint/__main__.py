import sys

from scrapelint.cli import main

sys.exit(main())
