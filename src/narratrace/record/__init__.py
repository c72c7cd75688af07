"""The event record: what actually happened, to check allegation frames against.

``model`` holds the typed records, ``places`` the coordinate gazetteer, ``parties`` who is on which side,
``loaders`` read the shipped record and user imports (ACLED-style CSV, JSONL), ``index`` finds events near a
place and a date without scanning them all, ``store`` keeps imported events in the corpus database.
"""
from narratrace.record.model import Event, Finding, RecordedWarning, DateRange
from narratrace.record.places import PlaceGazetteer, Place, load_places
from narratrace.record.loaders import Record, load_record, read_events

__all__ = ["Event", "Finding", "RecordedWarning", "DateRange", "PlaceGazetteer", "Place", "load_places",
           "Record", "load_record", "read_events"]
