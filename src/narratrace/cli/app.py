"""The Typer applications every command module attaches to."""
import typer

app = typer.Typer(
    name="narratrace",
    help="Trace disinformation narratives across news articles, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score an analyzer against gold data, the way the original task's scorer does.",
                       no_args_is_help=True)
train_app = typer.Typer(help="Train the models narratrace ships (needs the \\[train] extra).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")
app.add_typer(train_app, name="train")
