"""Built-in analyzers, registered in pipeline order through the public ``register``."""
from narratrace.analyze.base import register

BUILTINS: dict[str, str] = {
    # name -> "module:factory"; order is the default pipeline order
    "attribution": "narratrace.analyze.attribution:AttributionAnalyzer",
    "allegations": "narratrace.analyze.allegations:AllegationAnalyzer",
    "techniques": "narratrace.analyze.techniques:TechniquesAnalyzer",  # keep last
}

for _name, _path in BUILTINS.items():
    register(_name, _path)
