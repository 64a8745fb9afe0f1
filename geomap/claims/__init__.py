"""Finding geographic claims: distances, bearings, proximity, borders, containment.

`geomap.claims.extract` runs every ClaimFinder (FINDERS) over an article's sentences; one
module per claim shape (measured, beside, containment); endpoints binds a cue's places.
Nothing is imported here, so that using one module (quantities, say) stays cheap.
"""
