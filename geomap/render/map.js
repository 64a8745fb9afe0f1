/* geomap's map drawing: every article string arrives as data (the JSON block #geomap-data),
   already HTML-escaped where Leaflet sets it as innerHTML (a name label's text is set as
   textContent, in labels.js); nothing here is a template. */
function geomapDraw(map) {
  'use strict';
  var data = JSON.parse(document.getElementById('geomap-data').textContent);
  var baseLayers = {}, overlays = {}, labels = geomapLabels(map);
  // The offline outlines live in a pane under the tile pane (z-index 200): online tiles cover
  // them when they load, and a failed tile load still shows a map.
  map.createPane('geomap-land').style.zIndex = 150;

  function outlines(spec) {
    var lons = new Set(spec.seams[0]), lats = new Set(spec.seams[1]), lines = [];
    spec.land.features.forEach(function (feature) {
      feature.geometry.coordinates.forEach(function (polygon) {
        polygon.forEach(function (ring) {
          var run = [];
          ring.forEach(function (p, i) {
            var q = ring[i - 1];
            if (q && ((p[0] === q[0] && lons.has(p[0])) || (p[1] === q[1] && lats.has(p[1])))) {
              if (run.length > 1) { lines.push(run); }
              run = [];
            }
            run.push([p[1], p[0]]);
          });
          if (run.length > 1) { lines.push(run); }
        });
      });
    });
    var group = L.featureGroup(), pane = {pane: 'geomap-land'};
    // Zoomed out past one world, the land repeats east and west (fill only), as tiles would.
    [-360, 360].forEach(function (shift) {
      var copy = {interactive: false, style: L.extend({}, spec.underlayFill, pane),
        coordsToLatLng: function (c) { return L.latLng(c[1], c[0] + shift); }};
      if (spec.underlay !== null) { L.geoJSON(spec.underlay, copy).addTo(group); }
      L.geoJSON(spec.land, copy).addTo(group);
    });
    if (spec.underlay !== null) {
      L.geoJSON(spec.underlay, {interactive: false, style: L.extend({}, spec.underlayFill, pane)}).addTo(group);
    }
    L.geoJSON(spec.land, {
      interactive: false, style: L.extend({}, spec.fill, pane), attribution: spec.attribution
    }).addTo(group);
    if (spec.counties.length) {
      L.polyline(spec.counties, L.extend({className: 'geomap-county'}, spec.countyStroke, pane)).addTo(group);
    }
    if (spec.divisions.length) {
      L.polyline(spec.divisions, L.extend({className: 'geomap-division'}, spec.divisionStroke, pane)).addTo(group);
    }
    L.polyline(lines, L.extend({}, spec.stroke, pane)).addTo(group);
    return group;
  }

  function pin(spec) {
    var icon = L.divIcon({html: spec.svg, iconSize: [18, 18], iconAnchor: [9, 9], className: spec.className});
    var marker = L.marker([spec.lat, spec.lon], {icon: icon}).bindPopup(spec.popup, {maxWidth: 360});
    labels.add(marker, spec);
    return marker;
  }

  function claim(spec, group) {
    var line = L.polyline(spec.points, {
      color: spec.colour, weight: 4, opacity: 0.9, dashArray: spec.dashArray, className: spec.className
    });
    line.bindTooltip(spec.html, {sticky: true, className: 'geomap-tip'});
    line.bindPopup(spec.html, {maxWidth: 380});
    line.addTo(group);
    if (spec.arrow !== null) {
      var end = spec.points[spec.points.length - 1];
      var svg = '<svg width="18" height="18" viewBox="0 0 18 18" style="transform: rotate(' + spec.arrow +
        'deg)"><polygon points="9,0 16,17 9,12 2,17" fill="' + spec.colour +
        '" stroke="#fff" stroke-width="1"/></svg>';
      L.marker(end, {
        icon: L.divIcon({html: svg, iconSize: [18, 18], iconAnchor: [9, 9], className: 'geomap-arrow'}),
        interactive: false, keyboard: false
      }).addTo(group);
    }
  }

  var land = outlines(data.outlines);
  land.addTo(map);
  if (data.tiles === null) { baseLayers[data.outlines.name] = land; }
  if (data.tiles !== null) {
    var tiles = L.tileLayer(data.tiles.url, {attribution: data.tiles.attribution, maxZoom: data.tiles.maxZoom});
    baseLayers[data.tiles.name] = tiles;
    baseLayers[data.outlines.name + ' only'] = L.layerGroup();
    tiles.addTo(map);
  }
  data.layers.forEach(function (layer) {
    var group = L.featureGroup();
    layer.claims.forEach(function (spec) { claim(spec, group); });
    layer.pins.forEach(function (spec) { pin(spec).addTo(group); });
    group.addTo(map);
    overlays[layer.name] = group;
  });
  L.control.layers(baseLayers, overlays, {collapsed: data.layers.length > 3}).addTo(map);
  labels.cover();

  var fit = L.extend({}, data.fit);
  var legend = L.control({position: 'bottomright'});
  legend.onAdd = function () {
    var div = L.DomUtil.create('div', 'geomap-legend');
    div.innerHTML = data.legend;
    div.querySelectorAll('[data-geomap-zoom]').forEach(function (link) {
      var view = data.views[link.getAttribute('data-geomap-zoom')];
      if (!view) { (link.closest('.geomap-zoom-item') || link).remove(); return; }
      L.DomEvent.on(link, 'click', function (event) {
        L.DomEvent.preventDefault(event);
        map.fitBounds(L.latLngBounds(view).pad(0.3), fit);
      });
    });
    L.DomEvent.disableClickPropagation(div);
    L.DomEvent.disableScrollPropagation(div);
    return div;
  };
  legend.addTo(map);
  // Keep fitted features clear of the legend: as much room on the right as it is wide.
  var legendWidth = legend.getContainer().offsetWidth;
  if (legendWidth) { fit.paddingBottomRight = [legendWidth + 20, fit.paddingBottomRight[1]]; }

  // The opening view: the story's bounds, unless a claim line would be shorter than
  // claimView.minPixels there; then zoom in (up to claimView.maxZoom) on the claims.
  function openingView(bounds) {
    var zoom = map.getBoundsZoom(bounds, false, L.point(fit.paddingTopLeft).add(fit.paddingBottomRight));
    zoom = Math.min(zoom, fit.maxZoom);
    var claims = [];
    data.layers.forEach(function (layer) { claims = claims.concat(layer.claims); });
    if (!claims.length) { map.fitBounds(bounds, fit); return; }
    var need = -Infinity, all = L.latLngBounds([]);
    claims.forEach(function (spec) {
      var a = map.project(spec.points[0], 0), b = map.project(spec.points[spec.points.length - 1], 0);
      var length = Math.max(a.distanceTo(b), 1e-9);
      need = Math.max(need, Math.ceil(Math.log2(data.claimView.minPixels / length)));
      spec.points.forEach(function (p) { all.extend(p); });
    });
    if (need <= zoom) { map.fitBounds(bounds, fit); return; }
    var claimsZoom = map.getBoundsZoom(all, false, L.point(fit.paddingTopLeft).add(fit.paddingBottomRight));
    // As much of the story as the shortest claim allows, or all the claims when even that is too wide.
    var target = Math.min(claimsZoom >= need ? need : claimsZoom, data.claimView.maxZoom);
    // Centred on the claims, moved towards the story's centre as long as the claims stay in
    // the middle 60% of the view (inside the padding).
    var topLeft = L.point(fit.paddingTopLeft), bottomRight = L.point(fit.paddingBottomRight);
    var half = map.getSize().subtract(topLeft).subtract(bottomRight).multiplyBy(0.3);
    var lo = map.project(all.getNorthWest(), target), hi = map.project(all.getSouthEast(), target);
    var centre = map.project(bounds.getCenter(), target);
    function clamp(value, low, high) { return low > high ? (low + high) / 2 : Math.min(Math.max(value, low), high); }
    centre = L.point(clamp(centre.x, hi.x - half.x, lo.x + half.x), clamp(centre.y, hi.y - half.y, lo.y + half.y));
    var shift = bottomRight.subtract(topLeft).divideBy(2);
    map.setView(map.unproject(centre.add(shift), target), target);
  }

  if (data.opening !== null) { openingView(L.latLngBounds(data.opening)); }
  labels.start();
}
