"""export: quads -> output files and stores, and the output folder they go to.

Stage contract: takes the named graphs :func:`kg.build.iter_graphs` yields (each a sorted list of
rdflib quads) and writes them, one graph at a time, to graph.trig (named graphs) and graph.ttl (all
triples); the bytes depend only on the quads.

* :mod:`~kg.export.serialise`: graphs -> TriG and Turtle bytes and files (:func:`write_graphs`);
* :mod:`~kg.export.terms`: the one conversion between rdflib and pyoxigraph terms;
* :mod:`~kg.export.folder`: the output folder: claimed (:func:`output_folder`), each build written into a
  folder of its own and switched in with one atomic rename (:class:`OutputSet`);
* :mod:`~kg.export.manifest`: what kg wrote in the folder, so that it removes only that;
* :mod:`~kg.export.lock`: one build at a time in a folder.
"""

from kg.export.folder import CURRENT_NAME, OutputFolder, OutputSet, check_output_folder, output_folder
from kg.export.lock import LOCK_NAME, build_lock
from kg.export.manifest import PRIVATE_NAME
from kg.export.serialise import (
    TRIG_NAME,
    TTL_NAME,
    Chunk,
    GraphWriter,
    WriteStats,
    prefix_header,
    serialize_graph,
    write_graphs,
)
from kg.export.terms import OxigraphTerms, oxigraph_store, rdflib_dataset, rdflib_term

__all__ = [
    "CURRENT_NAME",
    "LOCK_NAME",
    "PRIVATE_NAME",
    "TRIG_NAME",
    "TTL_NAME",
    "Chunk",
    "GraphWriter",
    "OutputFolder",
    "OutputSet",
    "OxigraphTerms",
    "WriteStats",
    "build_lock",
    "check_output_folder",
    "output_folder",
    "oxigraph_store",
    "prefix_header",
    "rdflib_dataset",
    "rdflib_term",
    "serialize_graph",
    "write_graphs",
]
