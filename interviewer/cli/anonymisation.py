"""Provides `interviewer anonymisation`: the study's allow list, deny list and policy."""

from __future__ import annotations

from pathlib import Path

import click

from interviewer.cli._common import UserError, open_study, study_option


def _settings_errors(action):
    from interviewer.anonymise import PolicyError
    from interviewer.store import StoreError

    try:
        return action()
    except (StoreError, PolicyError) as error:
        raise UserError(str(error)) from None


@click.group("anonymisation")
def anonymisation() -> None:
    """The study's anonymisation settings: terms always kept, terms always replaced, and the policy.

    They apply to every transcript of the study the next time it is anonymised.

    Example:

        interviewer anonymisation allow add "Recovery College"
    """


def _term_group(kind: str, summary: str, example: str) -> click.Group:
    @click.group(kind, help=f"{summary}\n\nExample:\n\n    {example}")
    def group() -> None:
        pass

    @group.command("list", help=f"List the study's {kind} terms.\n\nExample:\n\n    interviewer anonymisation {kind} list")
    @study_option
    def list_terms(study) -> None:
        from interviewer.anonymise.study.settings import terms

        found = terms(open_study(study), kind)
        if not found:
            click.echo(f"No {kind} terms yet.")
        for term in found:
            click.echo(term.term + (f"  ({term.entity_type})" if term.entity_type else "")
                       + (f"  — {term.note}" if term.note else ""))

    @group.command("remove", help=f"Remove a term from the {kind} list.\n\nExample:\n\n"
                                  f"    interviewer anonymisation {kind} remove \"Greyfriars\"")
    @click.argument("term")
    @study_option
    def remove(study, term) -> None:
        from interviewer.anonymise.study.settings import remove_term

        if not remove_term(open_study(study), kind, term):
            raise UserError(f"'{term}' is not on the {kind} list; see: interviewer anonymisation {kind} list")
        click.echo(f"Removed '{term}' from the {kind} list.")

    return group


allow = _term_group("allow", "Terms that must survive anonymisation (services, Acts, roles, diagnoses).",
                    'interviewer anonymisation allow add "Recovery College"')
deny = _term_group("deny", "Terms always replaced, in every transcript of the study (local names the detector misses).",
                   'interviewer anonymisation deny add "Greyfriars" --type HOSPITAL')


@allow.command("add")
@click.argument("term")
@click.option("--note", default=None, help="Why the term is kept.")
@study_option
def allow_add(study, term, note) -> None:
    """Keep TERM wherever it appears (case-insensitive, whole words).

    Example:

        interviewer anonymisation allow add "Recovery College" --note "a service, not a place"
    """
    from interviewer.anonymise.study.settings import add_term

    added = _settings_errors(lambda: add_term(open_study(study), "allow", term, note=note))
    click.echo(f"'{term}' is {'now' if added else 'already'} on the allow list.")


@deny.command("add")
@click.argument("term")
@click.option("--type", "entity_type", default="OTHER", show_default=True,
              help="Entity type, which sets the placeholder: PERSON, LOCATION, HOSPITAL, ORGANIZATION, WARD, ...")
@click.option("--note", default=None, help="Why the term is replaced.")
@study_option
def deny_add(study, term, entity_type, note) -> None:
    """Always replace TERM (case-insensitive, whole words) with a placeholder of its type.

    Example:

        interviewer anonymisation deny add "Greyfriars" --type HOSPITAL
    """
    from interviewer.anonymise.study.settings import add_term

    added = _settings_errors(lambda: add_term(open_study(study), "deny", term, entity_type=entity_type, note=note))
    click.echo(f"'{term}' is {'now' if added else 'already'} on the deny list ({entity_type.upper()}).")


@anonymisation.group("policy")
def policy() -> None:
    """Which entity types are replaced and how placeholders look (YAML; the bundled default until set).

    Example:

        interviewer anonymisation policy show > policy.yaml
    """


@policy.command("set")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@study_option
def policy_set(study, file) -> None:
    """Check a policy YAML file and make it the study's policy (errors name the file and line).

    Example:

        interviewer anonymisation policy set policy.yaml
    """
    from interviewer.anonymise.study.settings import set_policy

    checked = _settings_errors(lambda: set_policy(open_study(study), file))
    replaced = sorted(name for name, rule in checked.entities.items() if rule.replace)
    click.echo(f"Policy set from {file}: replaces {', '.join(replaced)}.")


@policy.command("show")
@study_option
def policy_show(study) -> None:
    """Print the study's policy YAML (the bundled default when none is set), ready to edit and set.

    Example:

        interviewer anonymisation policy show > policy.yaml
    """
    from interviewer.anonymise.policy import DEFAULT_POLICY
    from interviewer.anonymise.study.settings import policy_text

    text = policy_text(open_study(study))
    click.echo(text if text is not None else DEFAULT_POLICY.read_text(encoding="utf-8"), nl=False)


@policy.command("reset")
@study_option
def policy_reset(study) -> None:
    """Go back to the bundled default policy.

    Example:

        interviewer anonymisation policy reset
    """
    from interviewer.anonymise.study.settings import reset_policy

    reset_policy(open_study(study))
    click.echo("The study uses the bundled default policy.")


anonymisation.add_command(allow)
anonymisation.add_command(deny)

COMMANDS = [anonymisation]
