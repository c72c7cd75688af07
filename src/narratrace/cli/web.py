"""Web commands: serve the corpus in a browser, write static HTML dossiers."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from narratrace.cli.app import app
from narratrace.cli.common import DbOption, advance, db_path, err, friendly_errors, out, progress_bar


@app.command()
def serve(
    db: Optional[Path] = DbOption,
    port: int = typer.Option(8765, help="Port to listen on."),
    host: str = typer.Option("127.0.0.1", help="Interface to bind. Anything but 127.0.0.1 shows the corpus "
                                                "to your network."),
) -> None:
    """Browse the corpus and every annotation in a browser (read-only, offline)."""
    import uvicorn

    from narratrace.web import create_app

    path = db_path(db)
    with friendly_errors():
        web_app = create_app(path, warm=True)
    if host not in ("127.0.0.1", "localhost", "::1"):
        err.print(f"[yellow]warning:[/yellow] binding {host}: other machines can read this corpus", highlight=False)
    out.print(f"narratrace: serving {path} read-only at http://{host}:{port}/  (Ctrl-C stops)", highlight=False)
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


@app.command()
def report(
    db: Optional[Path] = DbOption,
    out_dir: Path = typer.Option(..., "--out", help="Folder to write the dossier into."),
    group: Optional[str] = typer.Option(None, "--group", help="A recurring allegation id (as in /allegations)."),
    query: Optional[str] = typer.Option(None, "--query", help="A full-text query; its best hits go in."),
    limit: int = typer.Option(200, help="At most this many articles for --query."),
) -> None:
    """Write a static HTML dossier (index.html, one page per article, data.json) that opens without a server."""
    from narratrace.report.dossier import write_dossier

    with friendly_errors(), progress_bar("report") as p:
        result = write_dossier(db_path(db), out_dir, group=group, query=query, limit=limit,
                               progress=lambda n: advance(p, n))
    out.print(f"{result['articles']:,} articles → {out_dir / 'index.html'} (data in {out_dir / 'data.json'})",
              highlight=False)
