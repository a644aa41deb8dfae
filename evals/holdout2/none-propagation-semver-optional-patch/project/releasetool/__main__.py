import sys

from releasetool.cli import main

sys.exit(main())
