/* geomap's name labels beside the markers. A permanent Leaflet tooltip per label forced a page
   layout each (a 2,661-marker map took 30 s and more to open); here a label is a plain element in one
   pane, made only when its marker is in or near the view, its text set as textContent (never
   parsed as HTML), the sizes of new labels read in one layout, and moved with transforms. */
function geomapLabels(map) {
  'use strict';
  var items = [], drawn = new Set(), added = 0;
  var pane = map.createPane('geomap-labels');
  pane.style.zIndex = 650;  // where Leaflet's tooltips go: over the markers, under the popups
  pane.style.pointerEvents = 'none';
  var animated = map._zoomAnimated ? 'leaflet-zoom-animated' : 'leaflet-zoom-hide';

  // Placement, after every move: labels that must show go first, then the rest by rank (at
  // most MAX_OPTIONAL of them, among markers in or near the view); each takes the first side of
  // its marker (right, left, above, below) where it overlaps no label placed before it and no
  // other marker, and a label that finds none is not drawn (one that must show may cover
  // markers, never another label).
  var SIDES = ['right', 'left', 'top', 'bottom'], GAP = 16, HALF_MARKER = 9;
  function byRank(a, b) { return (a.spec.always ? 0 : 1e9) + a.spec.rank - ((b.spec.always ? 0 : 1e9) + b.spec.rank); }

  function box(point, item, side) {
    var w = item.width, h = item.height;
    var x = side === 'right' ? point.x + GAP : side === 'left' ? point.x - GAP - w : point.x - w / 2;
    var y = side === 'top' ? point.y - GAP - h : side === 'bottom' ? point.y + GAP : point.y - h / 2;
    x = Math.round(x);
    y = Math.round(y);
    return {left: x, top: y, right: x + w, bottom: y + h};
  }

  // Rectangles bucketed by CELL-pixel cells, so that a label is tested only against what lies
  // near it: a map of thousands of markers stays linear, not quadratic, in its markers.
  var CELL = 64, MAX_OPTIONAL = 400;
  function Grid() { this.cells = new Map(); }
  Grid.prototype.each = function (rect, visit) {
    for (var cx = Math.floor(rect.left / CELL); cx <= Math.floor(rect.right / CELL); cx++) {
      for (var cy = Math.floor(rect.top / CELL); cy <= Math.floor(rect.bottom / CELL); cy++) {
        visit(cx + ':' + cy);
      }
    }
  };
  Grid.prototype.add = function (rect) {
    var cells = this.cells;
    this.each(rect, function (key) {
      if (!cells.has(key)) { cells.set(key, []); }
      cells.get(key).push(rect);
    });
  };
  Grid.prototype.hits = function (rect, except) {
    var cells = this.cells, hit = false;
    this.each(rect, function (key) {
      if (hit || !cells.has(key)) { return; }
      hit = cells.get(key).some(function (b) {
        return b !== except && rect.left < b.right && b.left < rect.right && rect.top < b.bottom && b.top < rect.bottom;
      });
    });
    return hit;
  };

  function element(item) {
    if (item.element === null) {
      var main = item.spec.always ? ' geomap-label-main' : '';
      item.element = L.DomUtil.create('div', 'geomap-label ' + animated + main);
      item.element.textContent = item.spec.name;
    }
    return item.element;
  }

  // The markers in or near the view, each with its box (which keeps labels off it), and those
  // among them whose label may be drawn, in the order they are placed.
  function candidates() {
    var view = map.getBounds().pad(0.2), markers = new Grid(), out = [], optional = 0;
    items.filter(function (item) { return map.hasLayer(item.marker); }).sort(byRank).forEach(function (item) {
      if (!view.contains(item.marker.getLatLng())) { return; }
      // where Leaflet paints the marker: its layer point rounded to the pixel
      var p = map.layerPointToContainerPoint(map.latLngToLayerPoint(item.marker.getLatLng()).round());
      var own = {left: p.x - HALF_MARKER, top: p.y - HALF_MARKER, right: p.x + HALF_MARKER, bottom: p.y + HALF_MARKER};
      markers.add(own);
      if (item.spec.always || optional++ < MAX_OPTIONAL) { out.push({item: item, point: p, own: own}); }
    });
    return {markers: markers, list: out};
  }

  // All writes, then all reads: one layout for the sizes of every label not measured yet.
  function measure(list) {
    var fresh = list.filter(function (c) { return c.item.width === undefined; });
    var fragment = document.createDocumentFragment();
    fresh.forEach(function (c) { fragment.appendChild(element(c.item)); drawn.add(c.item); });
    pane.appendChild(fragment);
    // the box rounded up: offsetWidth rounds to the nearest pixel, and a label may not reach
    // a fraction of a pixel into a marker
    fresh.forEach(function (c) {
      var size = c.item.element.getBoundingClientRect();
      c.item.width = Math.ceil(size.width);
      c.item.height = Math.ceil(size.height);
    });
  }

  // The first free side: clear of labels and markers; for a label that must show, clear of
  // labels at least. None when every side would cover another label: a world view of a crowded
  // region shows some names, never a pile of half-hidden ones; zooming in shows the rest.
  function side(c, markers, placed) {
    function free(clearOfMarkers) {
      for (var i = 0; i < SIDES.length; i++) {
        var rect = box(c.point, c.item, SIDES[i]);
        if (!placed.hits(rect) && !(clearOfMarkers && markers.hits(rect, c.own))) { return rect; }
      }
      return null;
    }
    var rect = free(true);
    if (rect === null && c.item.spec.always) { rect = free(false); }
    return rect;
  }

  // A marker under another of the same symbol at the same point (a place several articles name)
  // is not painted: a reader sees, and clicks, the one on top (the last added) either way, and
  // painting thousands of stacked SVG symbols cost seconds.
  function cover() {
    var top = new Map();
    function stack(item) { return item.spec.lat + ',' + item.spec.lon + ',' + item.spec.className; }
    items.forEach(function (item) {
      var other = top.get(stack(item));
      if (map.hasLayer(item.marker) && (other === undefined || other.added < item.added)) { top.set(stack(item), item); }
    });
    items.forEach(function (item) {
      var icon = item.marker.getElement();
      if (icon) { icon.style.visibility = top.get(stack(item)) === item ? '' : 'hidden'; }
    });
  }

  function place() {
    var found = candidates(), placed = new Grid(), seen = new Set(), keep = new Set();
    measure(found.list);
    found.list.forEach(function (c) {
      var key = c.item.spec.lat + ',' + c.item.spec.lon + ',' + c.item.spec.name;
      var rect = seen.has(key) ? null : side(c, found.markers, placed);
      if (rect === null) { return; }
      seen.add(key);
      placed.add(rect);
      c.item.offset = L.point(rect.left - c.point.x, rect.top - c.point.y);
      keep.add(c.item);
    });
    drawn.forEach(function (item) { if (!keep.has(item)) { L.DomUtil.remove(item.element); } });
    var fragment = document.createDocumentFragment();
    keep.forEach(function (item) { if (!drawn.has(item)) { fragment.appendChild(item.element); } });
    pane.appendChild(fragment);
    drawn = keep;
    move();
  }

  // Transforms only, no layout: the labels follow their markers, also through a zoom animation.
  function move(event) {
    drawn.forEach(function (item) {
      var at = (event && event.zoom !== undefined
        ? map._latLngToNewLayerPoint(item.marker.getLatLng(), event.zoom, event.center)
        : map.latLngToLayerPoint(item.marker.getLatLng())).round();  // as Leaflet places markers
      L.DomUtil.setPosition(item.element, at.add(item.offset));
    });
  }

  return {
    add: function (marker, spec) {
      var item = {marker: marker, spec: spec, element: null, offset: null, added: 0};
      marker.on('add', function () { item.added = ++added; });
      items.push(item);
    },
    cover: cover,
    start: function () {
      map.on('zoom viewreset', function () { move(); });
      if (map._zoomAnimated) { map.on('zoomanim', move); }
      map.on('overlayadd overlayremove', cover);
      map.on('moveend overlayadd overlayremove', place);
      place();
    }
  };
}
