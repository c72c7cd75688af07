"""Built-in analyzers, registered in pipeline order through the public ``register``."""
from narratrace.analyze.base import register

BUILTINS: dict[str, str] = {
    # name -> "module:factory"; order is the default pipeline order
}

for _name, _path in BUILTINS.items():
    register(_name, _path)
