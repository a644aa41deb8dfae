import sys

from relnotes.cli import main

sys.exit(main())
